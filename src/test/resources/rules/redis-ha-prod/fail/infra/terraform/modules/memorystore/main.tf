resource "google_redis_instance" "cache" {
  name           = "alphintra-cache"
  memory_size_gb = 1
  tier           = var.tier
}

variable "tier" {
  type    = string
  default = "STANDARD_HA"
}
