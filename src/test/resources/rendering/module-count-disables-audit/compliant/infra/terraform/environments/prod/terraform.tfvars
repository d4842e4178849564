auditing = true
