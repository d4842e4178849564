variable "name" {
  type        = string
  description = "Cluster name prefix."
}

variable "environment" {
  type        = string
  description = "dev, staging or prod."
}

variable "region" {
  type        = string
  description = "Region of the regional cluster."
  default     = "europe-west3"
}

variable "private_nodes" {
  type        = bool
  description = "Nodes without public IPs; true is the safe default."
  default     = true
}

variable "master_cidr" {
  type        = string
  description = "Control plane range."
  default     = "172.16.0.0/28"
}

variable "subnet_cidr" {
  type        = string
  description = "Subnet the nodes live in."
  default     = null
}

variable "authorized_cidr" {
  type        = string
  description = "Optional network allowed to reach the control plane."
  default     = null
  sensitive   = false
}
