variable "authorized_networks" {
  type = map(object({
    cidr_block = string
  }))
  default = { bastion = { cidr_block = "10.0.5.0/29" } }
}
