variable "name" {
  type        = string
  description = "Name of the bucket."
}

variable "location" {
  type        = string
  description = "Location of the bucket."
  default     = "US"
}
