archive_isolation = "enforced"
