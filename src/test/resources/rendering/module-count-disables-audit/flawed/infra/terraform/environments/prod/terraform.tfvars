auditing = false
