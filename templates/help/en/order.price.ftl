· price NO AMOUNT: ask to lower the price of an unpaid order (operators review it, 3 working days). Example:
    price 20261128000123 880.00
    reason: returning customer (optional; required under a share of the current price, 10% by default)
  The console's sentence works too:
    云帆科技服务商（腾讯云账号 ID : 100012345678），申请将订单20261128000123价格修改为折扣价880.00
  A new request for an order replaces its open one. Product prices change with "product update".
