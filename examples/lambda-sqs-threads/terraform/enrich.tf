# Root-cause evidence in the alerts (var.enrich; docs/evidence.md): the function reads task
# definitions, the stopped tasks of the given clusters and the given log groups, and nothing more.

data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  # arn:PARTITION:SERVICE:REGION:ACCOUNT, with the service left to fill in.
  arn_prefix = "arn:${data.aws_partition.current.partition}:%s:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}"
}

data "aws_iam_policy_document" "enrich" {
  # DescribeTaskDefinition supports no resource-level permission.
  statement {
    sid       = "ReadTaskDefinitions"
    actions   = ["ecs:DescribeTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "FindStoppedTasks"
    actions   = ["ecs:ListTasks", "ecs:DescribeTasks"]
    resources = ["*"]
    condition {
      test     = "ArnLike"
      variable = "ecs:cluster"
      values   = formatlist("${format(local.arn_prefix, "ecs")}:cluster/%s", var.enrich_clusters)
    }
  }

  statement {
    sid       = "ReadContainerLogs"
    actions   = ["logs:GetLogEvents"]
    resources = formatlist("${format(local.arn_prefix, "logs")}:log-group:%s:log-stream:*", var.enrich_log_groups)
  }
}

resource "aws_iam_role_policy" "enrich" {
  count  = var.enrich ? 1 : 0
  name   = "${var.name}-enrich"
  role   = aws_iam_role.function.id
  policy = data.aws_iam_policy_document.enrich.json
}
