variable "name" {
  description = "Name of the function, and prefix of the other resources."
  type        = string
  default     = "ecs-slack"
}

variable "bundle_dir" {
  description = "Folder holding the esbuild bundle of handler.ts (index.js and its source map); default ../build beside this module. See README.md."
  type        = string
  default     = null
}

variable "runtime" {
  description = "Lambda runtime: nodejs22.x or nodejs24.x."
  type        = string
  default     = "nodejs22.x"
}

variable "log_retention_days" {
  description = "How long CloudWatch Logs keeps the function's log lines."
  type        = number
  default     = 30
}
