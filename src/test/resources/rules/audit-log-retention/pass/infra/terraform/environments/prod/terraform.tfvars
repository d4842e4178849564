audit_log_retention_days = 2555
