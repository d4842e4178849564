variable "settings" {}

resource "google_redis_instance" "cache" {
  name                    = "alphintra-redis"
  memory_size_gb          = 1
  tier                    = var.settings.tier
  auth_enabled            = var.settings.auth_enabled
  transit_encryption_mode = var.settings.transit_encryption_mode
  connect_mode            = var.settings.connect_mode
}
