variable "binauthz_mode" {
  type    = string
  default = "PROJECT_SINGLETON_POLICY_ENFORCE"
}

variable "enforced" {
  type    = bool
  default = true
}

variable "project_id" {
  type    = string
  default = "alphintra-prod"
}

variable "allowed_images" {
  type    = list(string)
  default = []
}
