· product new: submit a new product; it is listed once approved (3 working days; image services 7). All six fields are required; the description may go on over several lines up to a blank line. Template:
    product new
    name: Server operations
    type: ops (or software, image, saas)
    price: 880
    unit: time (or month, year, set)
    summary: 24/7 server operations
    description: Checks, incident handling and hardening.
