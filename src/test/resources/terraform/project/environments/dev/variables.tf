variable "project_id" {
  type        = string
  description = "Project of the dev environment."
}

variable "region" {
  type        = string
  description = "Region."
  default     = "europe-west1"
}

variable "cidr" {
  type        = string
  description = "Address space of dev."
  default     = "10.0.0.0/16"
}

variable "private_nodes" {
  type        = bool
  description = "Private GKE nodes."
  default     = true
}
