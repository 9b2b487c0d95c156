// name: set_documents :write
// Record the privacy notice and counselling agreement dates, with a version check.
MATCH (c:Case {pseudonym: $pseudonym})
WHERE c.version = $version
SET c.privacy_notice_on = $privacy_notice_on, c.agreement_signed_on = $agreement_signed_on,
    c.version = c.version + 1
RETURN c.version AS version
