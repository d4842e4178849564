region         = "us-east4"
webhook_secret = "REPLACE_ME"
