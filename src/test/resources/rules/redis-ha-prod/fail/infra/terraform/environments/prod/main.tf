module "memorystore" {
  source = "../../modules/memorystore"
  tier   = "BASIC"
}

resource "google_redis_instance" "sessions" {
  name           = "alphintra-sessions"
  memory_size_gb = 1
}
