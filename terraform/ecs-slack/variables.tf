variable "name" {
  description = "Name of the function, and prefix of the other resources."
  type        = string
  default     = "ecs-slack"
}

variable "bundle_dir" {
  description = "Folder holding the esbuild bundle of ecs-slack/function (index.js and its source map)."
  type        = string
}

variable "event_pattern" {
  description = "The EventBridge event pattern, as `npx ecs-slack patterns --preset PRESET --cluster NAME --compact` prints it for the same preset, clusters and services."
  type        = string
}

variable "preset" {
  description = "The noise filter's preset (ECS_SLACK_PRESET): alerts, verbose or none. Give the event pattern of the same preset."
  type        = string
  default     = "alerts"

  validation {
    condition     = contains(["alerts", "verbose", "none"], var.preset)
    error_message = "The preset must be alerts, verbose or none."
  }
}

variable "clusters" {
  description = "The clusters watched (names, * globs), as given to `ecs-slack patterns --cluster`; with enrich, the clusters whose stopped tasks may be looked up. Default: all."
  type        = list(string)
  default     = []
}

variable "services" {
  description = "The services watched (names, * globs), as given to `ecs-slack patterns --service`."
  type        = list(string)
  default     = []
}

variable "webhook_secret_arn" {
  description = "A Secrets Manager secret that holds the Slack incoming webhook URL; default: the module creates an empty one (output secret_name)."
  type        = string
  default     = null
}

variable "policy" {
  description = "An alert policy as JSON (docs/policy.md), set as ECS_SLACK_POLICY; default none."
  type        = string
  default     = null
}

variable "enrich" {
  description = "Root-cause evidence in the alerts, the crashed container's last log lines and links (docs/evidence.md): sets ECS_SLACK_ENRICH and grants the reads it needs."
  type        = bool
  default     = false
}

variable "enrich_log_groups" {
  description = "With enrich: the log groups whose last lines may appear in Slack (names, * globs), in this Region."
  type        = list(string)
  default     = ["/ecs/*"]
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
