variable "legacy_abac" {
  type    = bool
  default = false
}
