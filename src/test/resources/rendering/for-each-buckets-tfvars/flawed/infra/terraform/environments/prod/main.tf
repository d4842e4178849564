module "platform" {
  source  = "../../modules/platform"
  buckets = var.buckets
}

variable "buckets" {
  type = map(object({
    versioned = bool
  }))
  description = "The platform's buckets by role, and whether each keeps object versions."
}
