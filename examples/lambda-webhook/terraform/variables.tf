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

variable "enrich" {
  description = "Root-cause evidence in the alerts, the crashed container's last log lines and links (docs/evidence.md): sets ECS_SLACK_ENRICH and grants the reads below."
  type        = bool
  default     = false
}

variable "enrich_log_groups" {
  description = "With enrich: the log groups whose last lines may appear in Slack (names, * globs), in this Region."
  type        = list(string)
  default     = ["/ecs/*"]
}

variable "enrich_clusters" {
  description = "With enrich: the clusters whose stopped tasks service alerts look up (names, * globs)."
  type        = list(string)
  default     = ["*"]
}
