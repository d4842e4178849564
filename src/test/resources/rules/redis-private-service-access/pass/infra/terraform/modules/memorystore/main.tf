resource "google_redis_instance" "cache" {
  name                    = "alphintra-cache"
  tier                    = "STANDARD_HA"
  memory_size_gb          = 1
  connect_mode            = "PRIVATE_SERVICE_ACCESS"
  auth_enabled            = true
  transit_encryption_mode = "SERVER_AUTHENTICATION"
}
