region           = "us-east4"
redis_auth_token = "0123456789abcdef"
