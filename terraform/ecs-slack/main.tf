# ecs-slack as a Terraform module: an EventBridge rule with the library's own event pattern, an
# SQS queue with a dead-letter queue, the ecs-slack/function Lambda (arm64, an esbuild bundle),
# the DynamoDB state table with TTL, and nothing more in IAM than the function uses.

locals {
  secret_arn = var.webhook_secret_arn == null ? aws_secretsmanager_secret.webhook_url[0].arn : var.webhook_secret_arn
  # The function's timeout; the queue's visibility timeout is six times it, as Lambda advises.
  timeout = 30
}

data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

# The secret's value is set after `terraform apply`: a value written here would be stored in
# plain text in the Terraform state.
resource "aws_secretsmanager_secret" "webhook_url" {
  count       = var.webhook_secret_arn == null ? 1 : 0
  name        = "${var.name}/webhook-url"
  description = "Slack incoming webhook URL for ecs-slack (the URL itself, or JSON {\"url\": \"...\"})"
}

# Records that failed five times, and events EventBridge could not queue.
resource "aws_sqs_queue" "failed_events" {
  name                      = "${var.name}-failed-events"
  message_retention_seconds = 1209600 # 14 days, the maximum
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "events" {
  name                       = "${var.name}-events"
  visibility_timeout_seconds = local.timeout * 6
  message_retention_seconds  = 345600 # 4 days
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.failed_events.arn
    maxReceiveCount     = 5
  })
}

data "aws_iam_policy_document" "queues" {
  for_each = { events = aws_sqs_queue.events.arn, failed_events = aws_sqs_queue.failed_events.arn }

  statement {
    sid       = "EventBridge"
    actions   = ["sqs:SendMessage"]
    resources = [each.value]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.ecs.arn]
    }
  }
}

resource "aws_sqs_queue_policy" "queues" {
  for_each  = { events = aws_sqs_queue.events.id, failed_events = aws_sqs_queue.failed_events.id }
  queue_url = each.value
  policy    = data.aws_iam_policy_document.queues[each.key].json
}

# docs/dynamodb.md: string keys pk and sk, TTL on ttl, on-demand; the state is disposable.
resource "aws_dynamodb_table" "state" {
  name         = "${var.name}-state"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  ttl {
    attribute_name = "ttl"
    enabled        = true
  }
}

resource "aws_cloudwatch_log_group" "function" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
}

data "aws_iam_policy_document" "assume_lambda" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  name               = var.name
  assume_role_policy = data.aws_iam_policy_document.assume_lambda.json
}

data "aws_iam_policy_document" "function" {
  statement {
    sid       = "OwnLogGroup"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function.arn}:*"]
  }

  statement {
    sid       = "ReadWebhookUrl"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [local.secret_arn]
  }

  statement {
    sid       = "StateStore"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.state.arn]
  }

  statement {
    sid       = "Events"
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"]
    resources = [aws_sqs_queue.events.arn]
  }

  dynamic "statement" {
    for_each = var.enrich ? [1] : []
    content {
      sid       = "ReadTaskDefinitions"
      actions   = ["ecs:DescribeTaskDefinition"]
      resources = ["*"]
    }
  }

  dynamic "statement" {
    for_each = var.enrich ? [1] : []
    content {
      sid       = "FindStoppedTasks"
      actions   = ["ecs:ListTasks", "ecs:DescribeTasks"]
      resources = ["*"]
      condition {
        test     = "ArnLike"
        variable = "ecs:cluster"
        values = [
          for cluster in(length(var.clusters) == 0 ? ["*"] : var.clusters) :
          "arn:${data.aws_partition.current.partition}:ecs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:cluster/${cluster}"
        ]
      }
    }
  }

  dynamic "statement" {
    for_each = var.enrich ? [1] : []
    content {
      sid     = "ReadContainerLogs"
      actions = ["logs:GetLogEvents"]
      resources = [
        for group in var.enrich_log_groups :
        "arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:log-group:${group}:log-stream:*"
      ]
    }
  }
}

resource "aws_iam_role_policy" "function" {
  name   = var.name
  role   = aws_iam_role.function.id
  policy = data.aws_iam_policy_document.function.json
}

data "archive_file" "bundle" {
  type        = "zip"
  source_dir  = var.bundle_dir
  output_path = "${path.root}/.terraform/${var.name}.zip"
}

resource "aws_lambda_function" "handler" {
  function_name    = var.name
  role             = aws_iam_role.function.arn
  runtime          = var.runtime
  architectures    = ["arm64"]
  handler          = "index.handler"
  filename         = data.archive_file.bundle.output_path
  source_code_hash = data.archive_file.bundle.output_base64sha256
  memory_size      = 256
  timeout          = local.timeout

  # The contract of ecs-slack/function (docs/deploying.md).
  environment {
    variables = merge(
      {
        SLACK_WEBHOOK_SECRET_ID = local.secret_arn
        ECS_SLACK_PRESET        = var.preset
        ECS_SLACK_TABLE         = aws_dynamodb_table.state.name
        ECS_SLACK_ENRICH        = var.enrich ? "true" : "false"
        NODE_OPTIONS            = "--enable-source-maps"
      },
      var.policy == null ? {} : { ECS_SLACK_POLICY = var.policy },
    )
  }

  depends_on = [aws_cloudwatch_log_group.function, aws_iam_role_policy.function]
}

# The handler returns the records to retry (partial batch responses). Slack takes about one
# message per second per channel: two pollers are plenty.
resource "aws_lambda_event_source_mapping" "events" {
  event_source_arn                   = aws_sqs_queue.events.arn
  function_name                      = aws_lambda_function.handler.arn
  batch_size                         = 10
  maximum_batching_window_in_seconds = 5
  function_response_types            = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = 2
  }
}

resource "aws_cloudwatch_event_rule" "ecs" {
  name          = var.name
  description   = "Amazon ECS events ecs-slack can notify (preset ${var.preset})"
  event_pattern = var.event_pattern

  lifecycle {
    precondition {
      condition     = alltrue([for name in concat(var.clusters, var.services) : strcontains(var.event_pattern, name)])
      error_message = "The event pattern names other clusters or services than var.clusters and var.services: print it again with `npx ecs-slack patterns` and the same --cluster and --service."
    }
  }
}

resource "aws_cloudwatch_event_target" "queue" {
  rule      = aws_cloudwatch_event_rule.ecs.name
  target_id = "ecs-slack"
  arn       = aws_sqs_queue.events.arn

  dead_letter_config {
    arn = aws_sqs_queue.failed_events.arn
  }
}
