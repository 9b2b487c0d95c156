// name: close_theme :write
// Close an open theme when the version still matches; no row when it does not.
MATCH (th:Theme {id: $id, municipality_id: $municipality_id})
WHERE th.version = $version AND th.status = 'open'
SET th.status = 'closed', th.closed_at = $now, th.closed_by = $username,
    th.version = th.version + 1
RETURN th.version AS version
