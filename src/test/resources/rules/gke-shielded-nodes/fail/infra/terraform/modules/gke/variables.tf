variable "secure_boot" {
  type    = bool
  default = true
}
