"""Rate limits (login attempts per address). Per-account lockout lives in services/accounts."""

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

# In-memory counters per worker process: enough to slow down guessing from one address;
# the per-account lockout in the graph holds across all workers.
limiter = Limiter(key_func=get_remote_address, default_limits=[], storage_uri="memory://")
