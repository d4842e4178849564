module "storage" {
  source  = "../storage"
  buckets = var.buckets
}

variable "buckets" {
  type = map(object({
    versioned = bool
  }))
  description = "The platform's buckets by role."
}
