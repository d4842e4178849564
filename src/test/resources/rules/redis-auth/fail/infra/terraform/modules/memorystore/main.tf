resource "google_redis_instance" "cache" {
  name           = "alphintra-cache"
  memory_size_gb = 1
  auth_enabled   = var.auth
}

resource "google_redis_instance" "sessions" {
  name           = "alphintra-sessions"
  memory_size_gb = 1
}

variable "auth" {
  type    = bool
  default = false
}
