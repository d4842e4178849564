variable "auto_upgrade" {
  type    = bool
  default = true
}
