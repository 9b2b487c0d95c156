// name: write_in_read :many
// A statement that writes but is declared a read: both engines must refuse it.
CREATE (n:Scratch {id: 'written-in-a-read'})
RETURN n.id AS id
