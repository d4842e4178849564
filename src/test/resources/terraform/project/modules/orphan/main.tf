variable "enabled" {
  type        = bool
  description = "Never set by anyone: evaluated with its default."
  default     = false
}

resource "google_storage_bucket" "logs" {
  name          = "orphan-logs"
  force_destroy = !var.enabled
}
