archive_isolation = "inherited"
