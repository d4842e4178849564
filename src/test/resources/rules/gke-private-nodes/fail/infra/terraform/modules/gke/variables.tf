variable "private_nodes" {
  type    = bool
  default = true
}
