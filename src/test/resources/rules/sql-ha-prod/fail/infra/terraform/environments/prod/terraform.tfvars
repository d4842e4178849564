cloudsql_availability_type = "ZONAL"
