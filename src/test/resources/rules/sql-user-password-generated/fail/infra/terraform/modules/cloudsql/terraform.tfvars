app_password = "changeme"
