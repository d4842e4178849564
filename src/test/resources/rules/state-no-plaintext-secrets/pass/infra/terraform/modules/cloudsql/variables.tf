variable "password_length" {
  type    = number
  default = 32
}

variable "api_token" {
  type        = string
  description = "Given at apply time through TF_VAR_api_token."
  sensitive   = true
}

variable "webhook_secret" {
  type    = string
  default = "<set in Secret Manager>"
}

variable "secret_replica_locations" {
  type    = list(string)
  default = ["us-east4"]
}
