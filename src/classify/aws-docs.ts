/**
 * The AWS documentation pages hints link to: the base URL of the Amazon ECS developer guide,
 * declared once.
 *
 * @internal
 * @module
 */

/** The Amazon ECS developer guide. */
const ECS_GUIDE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/';

/**
 * A page of the Amazon ECS developer guide: `ecsDocs('deployment-circuit-breaker.html')`.
 *
 * @param page - The page's file name, with its `#anchor` if any.
 * @returns Its URL.
 * @internal
 */
export function ecsDocs(page: string): string {
  return `${ECS_GUIDE}${page}`;
}

/** AWS re:Post's knowledge center. */
const KNOWLEDGE_CENTER = 'https://repost.aws/knowledge-center/';

/**
 * An article of AWS re:Post's knowledge center: `knowledgeCenter('ecs-task-stopped')`.
 *
 * @param article - The article's name.
 * @returns Its URL.
 * @internal
 */
export function knowledgeCenter(article: string): string {
  return `${KNOWLEDGE_CENTER}${article}`;
}
