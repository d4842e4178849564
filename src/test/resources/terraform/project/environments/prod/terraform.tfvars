project_id  = "alphintra-prod"
master_cidr = "172.16.0.16/28"
