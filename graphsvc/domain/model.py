"""The vocabularies of the domain (see shared/domain/DOMAIN.md), in one place.

Every enumeration the seeds, the generator, the forms and the queries rely on lives here.
"""

from __future__ import annotations

OFFER_CATEGORIES = ("counselling", "project", "statutory")
CIRCLES = ("inner", "outer")
ACTOR_KINDS = (
    "city_office",
    "welfare",
    "association",
    "education",
    "health",
    "job_centre",
    "church",
    "other",
)
COOPERATION_KINDS = ("bilateral_agreement", "regular_exchange", "occasional")
MEMBER_ROLES = ("organiser", "member", "guest")
# partner: staff of an organisation that runs offers; answers the referrals to them and sees
# nothing else of a case (a case manager of the same organisation is a different job).
ROLES = ("case_manager", "coordination", "network", "admin", "directory_editor", "partner")
GENDERS = ("female", "male", "diverse")

PHASES = ("intake", "assessment", "linking", "monitoring", "evaluation", "closed")
INTAKE_OUTCOMES = ("case_management", "referral_only", "crisis_intervention")
INTAKE_CRITERIA = (
    "multi_dimensional",
    "several_actors",
    "long_counselling",
    "regular_services_insufficient",
    "own_resources_insufficient",
)
ACCESS_ROUTES = (
    "referral_by_actor",
    "referral_by_administration",
    "outreach",
    "self_referral",
    "word_of_mouth",
)
AGE_BANDS = ("0-17", "18-26", "27-44", "45-64", "65+")
HOUSEHOLD_BANDS = ("1", "2", "3-4", "5+")
NEED_STATUSES = ("open", "in_progress", "met", "unmet")
LINK_MODES = ("warm_handover", "tandem", "referral")
LINK_STATUSES = (
    "proposed",
    "accepted",
    "active",
    "completed",
    "declined",
    "no_capacity",
    "cancelled",
)
# Why the receiving organisation turned a referral down; no_capacity becomes the link status
# no_capacity, every other reason the status declined.
DECLINE_REASONS = ("no_capacity", "not_eligible", "client_did_not_come", "other")
# What the receiving organisation can answer to a referral.
REFERRAL_ACTIONS = ("accept", "decline", "start", "complete")
