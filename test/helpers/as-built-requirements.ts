/**
 * requirements.md as a model would write it from the code facts of `test/fixtures/express-users-app`: each
 * criterion with a `_Source:_` line citing a real file and symbol of the fixture.
 */
export const EXPRESS_USERS_REQUIREMENTS = `# Requirements Document

## Introduction

The users service under \`src\` as it is built now: an Express application with a health check and routes to
list, read and create users, kept in memory.

## Glossary

- **Users_Api**: The Express routes under /users in src/routes/users.js.
- **Health_Check**: The GET /health route of src/app.js.
- **User_Validator**: The function that checks a new user's fields.

## Requirements

### Requirement 1: Health check

**User Story:** As an operator, I want a health route, so that I can tell the service is up.

#### Acceptance Criteria

1. WHEN a client sends GET /health, THE Health_Check SHALL respond with the JSON body {"status": "ok"}.
   _Source: src/app.js#health_

### Requirement 2: Users

**User Story:** As a client, I want to list, read and create users, so that I can manage accounts.

#### Acceptance Criteria

1. WHEN a client sends GET /users, THE Users_Api SHALL respond with every stored user as a JSON array.
   _Source: src/routes/users.js#getUsers, src/store.js#listUsers_
2. IF a client sends GET /users/:id for an id that is not stored, THEN THE Users_Api SHALL respond with status 404.
   _Source: src/routes/users.js#getUser_
3. WHEN a client sends POST /users with a name and an email, THE Users_Api SHALL respond with status 201 and the stored user.
   _Source: src/routes/users.js#createUser, src/store.js#addUser_
4. IF a new user has no name or no email, THEN THE User_Validator SHALL report the missing field with status 400.
   _Source: src/validate.js#validateUser_
`;

/** The same document with a citation of a symbol the fixture does not have, for a repair round. */
export const EXPRESS_USERS_REQUIREMENTS_WRONG_SOURCE = EXPRESS_USERS_REQUIREMENTS.replace(
  "src/routes/users.js#getUser_",
  "src/routes/users.js#fetchUserById_",
);
