variable "remove_default_pool" {
  type    = bool
  default = true
}
