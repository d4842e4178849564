project_id = "acme-trading-dev"
