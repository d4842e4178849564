variable "binauthz_mode" {
  type    = string
  default = "PROJECT_SINGLETON_POLICY_ENFORCE"
}

variable "enforced" {
  type    = bool
  default = true
}
