"""Everything that touches a user's files: reading and decoding inputs (:mod:`.inputs`), records
of a batch (:mod:`.records`), atomic writes that keep a file's attributes (:mod:`.atomic`),
SQLite connections (:mod:`.sqlite`) and where caches live (:mod:`.paths`)."""
