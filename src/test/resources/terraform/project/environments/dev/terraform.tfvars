project_id = "alphintra-dev"
region     = "europe-west3"
cidr       = "10.20.0.0/16"
