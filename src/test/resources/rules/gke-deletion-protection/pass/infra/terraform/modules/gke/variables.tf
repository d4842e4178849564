variable "deletion_protection" {
  type    = bool
  default = true
}
