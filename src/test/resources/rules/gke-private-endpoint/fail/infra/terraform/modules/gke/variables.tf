variable "private_endpoint" {
  type    = bool
  default = true
}
