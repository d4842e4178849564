deletion_protection = true
