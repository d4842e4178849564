variable "redis_transit_encryption_mode" {
  type        = string
  description = "TLS to Memorystore."
}

resource "google_redis_instance" "cache" {
  name                    = "shop-redis"
  memory_size_gb          = 1
  tier                    = "STANDARD_HA"
  auth_enabled            = true
  connect_mode            = "PRIVATE_SERVICE_ACCESS"
  transit_encryption_mode = var.redis_transit_encryption_mode
}
