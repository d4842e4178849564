variable "project_id" {
  type        = string
  description = "Project of prod."
}

module "cluster" {
  source      = "../../modules/cluster"
  name        = "alphintra-prod"
  environment = "prod"
  master_cidr = var.master_cidr
}

variable "master_cidr" {
  type        = string
  description = "Control plane range of prod."
}
