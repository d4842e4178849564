variable "name" {
  type        = string
  description = "Prefix of every network resource."
}

variable "cidr" {
  type        = string
  description = "The network's address space."
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr, 0))
    error_message = "The cidr must be a valid IPv4 CIDR block."
  }
}

variable "newbits" {
  type        = number
  description = "Prefix bits added per subnet."
  default     = 4
}

variable "subnet_names" {
  type        = list(string)
  description = "One subnet per name."
  default     = ["default"]
}
